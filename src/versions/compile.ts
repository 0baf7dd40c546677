/**
 * Folds the releases up to a version into a `GitLabProfile`: the base
 * release declares everything, each later one what it changed. Runs once
 * per mock (and per fixture set), never per request.
 */
import type { EventFlag, IntegrationSpec } from '../catalog/types.js'
import type { EventParam, GitLabProfile, IntegrationInfo } from './profile.js'
import type { Behaviour, Edition, HiddenRule, PathFamily, Release, Step, Wording } from './types.js'

interface Folded {
  build: Release['build']
  specs: Map<string, IntegrationSpec>
  flags: readonly EventFlag[]
  columns: Readonly<Partial<Record<EventFlag, boolean>>>
  hidden: HiddenRule
  wording: Wording
  behaviour: Behaviour
  families: readonly PathFamily[]
  order: readonly Step[]
}

function without<T extends object>(value: T & { cite?: unknown }): Omit<T, 'cite'> {
  const { cite: _cite, ...rest } = value
  return rest
}

function fold(releases: readonly Release[]): Folded {
  const [base, ...later] = releases
  const { integrations, entity, hidden, wording, behaviour, families, order } = base!
  if (!integrations?.add || !entity || !hidden || !wording || !behaviour || !families || !order)
    throw new Error(`GitLab ${base!.version}: the base release must declare every fact`)
  const folded: Folded = {
    build: base!.build,
    specs: new Map(integrations.add.map((spec) => [spec.slug, spec])),
    flags: entity.flags,
    columns: entity.columns,
    hidden,
    wording: without(wording) as Wording,
    behaviour: without(behaviour) as Behaviour,
    families: families.list,
    order: order.steps,
  }
  for (const release of later) {
    folded.build = release.build
    for (const spec of release.integrations?.add ?? []) folded.specs.set(spec.slug, spec)
    for (const { slug } of release.integrations?.remove ?? []) folded.specs.delete(slug)
    for (const change of release.integrations?.change ?? []) {
      const spec = folded.specs.get(change.slug)
      if (!spec) throw new Error(`GitLab ${release.version} changes ${change.slug}, which it does not have`)
      const removed = new Set(change.removeParams ?? [])
      folded.specs.set(change.slug, {
        ...spec,
        ...(change.title ? { title: change.title } : {}),
        params: [...spec.params.filter((p) => !removed.has(p.name)), ...(change.addParams ?? [])],
        events: [...spec.events, ...(change.addEvents ?? [])],
      })
    }
    if (release.entity) ({ flags: folded.flags, columns: folded.columns } = release.entity)
    if (release.hidden) folded.hidden = release.hidden
    if (release.wording) folded.wording = { ...folded.wording, ...without(release.wording) }
    if (release.behaviour) folded.behaviour = { ...folded.behaviour, ...without(release.behaviour) }
    if (release.families) folded.families = release.families.list
    if (release.order) folded.order = release.order.steps
  }
  return folded
}

function hiddenTest(rule: HiddenRule): (field: string) => boolean {
  const pattern = new RegExp(rule.pattern)
  return (field) => pattern.test(field)
}

function describe(spec: IntegrationSpec, columns: Folded['columns'], isHidden: (field: string) => boolean): IntegrationInfo {
  const strict = new Set<string>(spec.strictEvents ?? [])
  const events: EventParam[] = spec.events.map((name) => ({ name, event: true, strict: strict.has(name) }))
  const declared = [...spec.params, ...events]
  const fields = spec.fields ?? [
    ...spec.params.filter((p) => !p.writeOnly && !p.topLevel).map((p) => p.name),
    ...(spec.extraFields ?? []),
  ]
  return {
    spec,
    paramsByName: new Map(declared.map((p) => [p.name, p])),
    declared,
    fields,
    visibleFields: fields.filter((name) => !isHidden(name)),
    initialEvents: { ...columns, ...spec.defaults?.events },
    availability: spec.availability,
  }
}

/** The profile of the last release in `releases` (oldest first, the base release first). */
export function compileProfile(releases: readonly Release[], edition: Edition): GitLabProfile {
  const folded = fold(releases)
  const isHidden = hiddenTest(folded.hidden)
  const integrations = new Map<string, IntegrationInfo>()
  for (const spec of folded.specs.values())
    if (edition === 'ee' || spec.edition !== 'ee') integrations.set(spec.slug, describe(spec, folded.columns, isHidden))
  const triggers = new Map<string, string>()
  for (const info of integrations.values()) if (info.spec.trigger) triggers.set(info.spec.trigger, info.spec.slug)
  return {
    version: releases.at(-1)!.version,
    edition,
    // A CE build reports its version without the `-ee` suffix (Gitlab::VERSION).
    build: edition === 'ee' ? folded.build : { ...folded.build, version: folded.build.version.replace(/-ee$/, '') },
    integrations,
    entityFlags: folded.flags,
    storedFlags: Object.keys(folded.columns) as EventFlag[],
    flagDefaults: folded.columns,
    isHidden,
    wording: folded.wording,
    behaviour: folded.behaviour,
    families: folded.families,
    order: folded.order,
    triggers,
  }
}
