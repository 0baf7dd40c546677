/**
 * Folds the releases up to a version into a `GitLabProfile`: the base
 * release declares everything, each later one what it changed. Runs once
 * per mock (and per fixture set), never per request.
 */
import type { EventFlag, IntegrationSpec, ParamSpec } from '../catalog/types.js'
import type { EventParam, GitLabProfile, IntegrationInfo } from './profile.js'
import type { Behaviour, Edition, EntityKey, GitLabVersion, HiddenRule, IntegrationChange, PathFamily, Release, Step, Wording } from './types.js'

interface Folded {
  specs: Map<string, IntegrationSpec>
  keys: readonly EntityKey[]
  eeKeys: readonly EntityKey[]
  columns: Readonly<Partial<Record<EventFlag, boolean>>>
  hidden: HiddenRule
  wording: Wording
  behaviour: Behaviour
  families: readonly PathFamily[]
  order: readonly Step[]
}

/** A section's facts without its provenance (`cite`, `approximate`). */
function without<T extends object>(value: T & { cite?: unknown; approximate?: unknown }): Omit<T, 'cite' | 'approximate'> {
  const { cite: _cite, approximate: _approximate, ...rest } = value
  return rest
}

function applyChange(spec: IntegrationSpec, change: IntegrationChange): IntegrationSpec {
  const removed = new Set(change.removeParams ?? [])
  let params: ParamSpec[] = spec.params
    .filter((param) => !removed.has(param.name))
    .map((param) => (change.changeParams?.[param.name] ? { ...param, ...change.changeParams[param.name] } : param))
  for (const name of Object.keys(change.changeParams ?? {}))
    if (!params.some((param) => param.name === name)) throw new Error(`${spec.slug} has no param ${name} to change`)
  if (change.addParams) {
    const at = change.before === undefined ? -1 : params.findIndex((param) => param.name === change.before)
    params = at < 0 ? [...params, ...change.addParams] : [...params.slice(0, at), ...change.addParams, ...params.slice(at)]
  }
  return { ...spec, ...change.set, params }
}

function fold(releases: readonly Release[]): Folded {
  const [base, ...later] = releases
  const { integrations, entity, hidden, wording, behaviour, families, order } = base!
  if (!integrations?.add || !entity || !hidden || !wording || !behaviour || !families || !order)
    throw new Error(`GitLab ${base!.version}: the base release must declare every fact`)
  const folded: Folded = {
    specs: new Map(integrations.add.map((spec) => [spec.slug, spec])),
    keys: entity.keys,
    eeKeys: entity.eeKeys ?? [],
    columns: entity.columns,
    hidden,
    wording: without(wording) as Wording,
    behaviour: without(behaviour) as Behaviour,
    families: families.list,
    order: order.steps,
  }
  for (const release of later) {
    for (const spec of release.integrations?.add ?? []) folded.specs.set(spec.slug, spec)
    for (const { slug } of release.integrations?.remove ?? []) {
      if (!folded.specs.delete(slug)) throw new Error(`GitLab ${release.version} removes ${slug}, which it does not have`)
    }
    for (const change of release.integrations?.change ?? []) {
      const spec = folded.specs.get(change.slug)
      if (!spec) throw new Error(`GitLab ${release.version} changes ${change.slug}, which it does not have`)
      folded.specs.set(change.slug, applyChange(spec, change))
    }
    if (release.entity) {
      folded.keys = release.entity.keys
      folded.eeKeys = release.entity.eeKeys ?? []
      folded.columns = release.entity.columns
    }
    if (release.hidden) folded.hidden = release.hidden
    if (release.wording) folded.wording = { ...folded.wording, ...without(release.wording) }
    if (release.behaviour) folded.behaviour = { ...folded.behaviour, ...without(release.behaviour) }
    if (release.families) folded.families = release.families.list
    if (release.order) folded.order = release.order.steps
  }
  return folded
}

/** Whether `properties` hides a field of `spec` under `rule`. */
function hiddenBy(rule: HiddenRule): (spec: IntegrationSpec, field: string) => boolean {
  if (rule.kind === 'name') {
    const pattern = new RegExp(rule.pattern)
    return (_spec, field) => pattern.test(field)
  }
  const names = new Set(rule.names)
  return (spec, field) => names.has(field) || spec.params.some((param) => param.name === field && param.secret === true)
}

function describe(spec: IntegrationSpec, folded: Folded, isHidden: (spec: IntegrationSpec, field: string) => boolean): IntegrationInfo {
  const strict = folded.behaviour.eventParams === 'boolean' ? new Set<string>(spec.events) : new Set<string>(spec.strictEvents ?? [])
  const events: EventParam[] = spec.events.map((name) => ({ name, event: true, strict: strict.has(name) }))
  // 17.3+: every PUT also declares `use_inherited_settings` (optional Boolean) after the events.
  const inherit: ParamSpec[] = folded.behaviour.inheritance ? [{ name: 'use_inherited_settings', type: 'boolean', writeOnly: true }] : []
  const declared = [...spec.params, ...events, ...inherit]
  const fields = spec.fields ?? [
    ...spec.params.filter((p) => !p.writeOnly && !p.topLevel).map((p) => p.name),
    ...(spec.extraFields ?? []),
  ]
  const initialEvents: Partial<Record<EventFlag, boolean>> = {}
  for (const flag of Object.keys(folded.columns) as EventFlag[]) initialEvents[flag] = spec.defaults?.events?.[flag] ?? folded.columns[flag]!
  return {
    spec,
    paramsByName: new Map(declared.map((p) => [p.name, p])),
    declared,
    fields,
    visibleFields: fields.filter((name) => !isHidden(spec, name)),
    // Frozen: records may share it as their `events` (the model shares equal ones, see database.ts).
    initialEvents: Object.freeze(initialEvents),
    availability: spec.availability,
  }
}

/** An entry as one edition has it: EE-only params dropped on CE. */
function forEdition(spec: IntegrationSpec, edition: Edition): IntegrationSpec {
  return edition === 'ee' || !spec.params.some((param) => param.edition === 'ee')
    ? spec
    : { ...spec, params: spec.params.filter((param) => param.edition !== 'ee') }
}

/**
 * What `GET /version` answers: the release file's build when it has one,
 * else `X.Y.0` with the mock's revision marker; a CE build without the
 * `-ee` suffix (Gitlab::VERSION).
 */
function buildOf(version: GitLabVersion, releases: readonly Release[], edition: Edition) {
  const build = releases.find((release) => release.version === version)?.build ?? { version: `${version}.0-ee`, revision: 'gitlab-services-mock' }
  return edition === 'ee' ? build : { ...build, version: build.version.replace(/-ee$/, '') }
}

/** The profile of GitLab `version`, from the releases up to it (oldest first, the base release first). */
export function compileProfile(version: GitLabVersion, releases: readonly Release[], edition: Edition): GitLabProfile {
  const folded = fold(releases)
  const isHidden = hiddenBy(folded.hidden)
  const integrations = new Map<string, IntegrationInfo>()
  for (const spec of folded.specs.values())
    if (edition === 'ee' || spec.edition !== 'ee') integrations.set(spec.slug, describe(forEdition(spec, edition), folded, isHidden))
  const triggers = new Map<string, string>()
  for (const info of integrations.values()) if (info.spec.trigger) triggers.set(info.spec.trigger, info.spec.slug)
  const entityKeys = edition === 'ee' ? [...folded.keys, ...folded.eeKeys] : folded.keys
  return {
    version,
    edition,
    build: buildOf(version, releases, edition),
    integrations,
    entityKeys,
    storedFlags: Object.keys(folded.columns) as EventFlag[],
    isHidden,
    wording: folded.wording,
    behaviour: folded.behaviour,
    families: folded.families,
    order: folded.order,
    triggers,
  }
}
