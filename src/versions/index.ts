/**
 * The GitLab releases the mock knows, and the one call that turns a
 * requested version into a compiled profile. Every minor release from 13.12
 * to the newest can be chosen; a release that changed nothing the API
 * answers has no file and folds to the one before it. Adding a release is
 * adding its file to `RELEASES` (and its number to `GITLAB_VERSIONS`).
 */
import { compileProfile } from './compile.js'
import type { GitLabProfile } from './profile.js'
import { gitlab13_12 } from './releases/13.12.js'
import { gitlab14_0 } from './releases/14.0.js'
import { gitlab14_4 } from './releases/14.4.js'
import { gitlab14_5 } from './releases/14.5.js'
import { gitlab14_8 } from './releases/14.8.js'
import { gitlab14_9 } from './releases/14.9.js'
import { gitlab14_10 } from './releases/14.10.js'
import { gitlab15_2 } from './releases/15.2.js'
import { gitlab15_3 } from './releases/15.3.js'
import { gitlab15_4 } from './releases/15.4.js'
import { gitlab15_6 } from './releases/15.6.js'
import { gitlab15_7 } from './releases/15.7.js'
import { gitlab15_8 } from './releases/15.8.js'
import { gitlab15_10 } from './releases/15.10.js'
import { gitlab15_11 } from './releases/15.11.js'
import { gitlab16_0 } from './releases/16.0.js'
import { gitlab16_1 } from './releases/16.1.js'
import { gitlab16_3 } from './releases/16.3.js'
import { gitlab16_4 } from './releases/16.4.js'
import { gitlab16_5 } from './releases/16.5.js'
import { gitlab16_7 } from './releases/16.7.js'
import { gitlab16_8 } from './releases/16.8.js'
import { gitlab16_9 } from './releases/16.9.js'
import { gitlab16_11 } from './releases/16.11.js'
import { gitlab17_0 } from './releases/17.0.js'
import { gitlab17_1 } from './releases/17.1.js'
import { gitlab17_2 } from './releases/17.2.js'
import { gitlab17_3 } from './releases/17.3.js'
import { gitlab17_4 } from './releases/17.4.js'
import { gitlab17_8 } from './releases/17.8.js'
import { gitlab18_3 } from './releases/18.3.js'
import { gitlab18_9 } from './releases/18.9.js'
import { gitlab17_9 } from './releases/17.9.js'
import { gitlab19_0 } from './releases/19.0.js'
import type { Edition, GitLabVersion, Release } from './types.js'

export type { GitLabProfile, IntegrationInfo, EventParam } from './profile.js'
export type * from './types.js'

/** The release files, oldest first; the first declares everything. */
const RELEASES: readonly Release[] = [
  gitlab13_12,
  gitlab14_0,
  gitlab14_4, gitlab14_5, gitlab14_8, gitlab14_9, gitlab14_10, gitlab15_2, gitlab15_3, gitlab15_4, gitlab15_6, gitlab15_7, gitlab15_8, gitlab15_10, gitlab15_11, gitlab16_0, gitlab16_1, gitlab16_3, gitlab16_4, gitlab16_5, gitlab16_7, gitlab16_8, gitlab16_9, gitlab16_11, gitlab17_0, gitlab17_1, gitlab17_2, gitlab17_3, gitlab17_4, gitlab17_8, gitlab17_9, gitlab18_3, gitlab18_9, gitlab19_0,
]

const minors = (major: number, last: number) => Array.from({ length: last + 1 }, (_, minor) => `${major}.${minor}` as GitLabVersion)

/** Every version a mock can be created for, oldest first: GitLab's monthly minors. */
export const GITLAB_VERSIONS: readonly GitLabVersion[] = ['13.12', ...minors(14, 10), ...minors(15, 11), ...minors(16, 11), ...minors(17, 11), ...minors(18, 11), '19.0']

/** The version a mock emulates unless told otherwise: the API document the project was founded on. */
export const DEFAULT_GITLAB_VERSION: GitLabVersion = '13.12'

export const EDITIONS: readonly Edition[] = ['ee', 'ce']

/** A version or edition the mock does not know. */
export class UnknownGitLabError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnknownGitLabError'
  }
}

export interface GitLabChoice {
  /** `major.minor` (`'13.12'`) or `'latest'`. Default 13.12. */
  gitlab?: string
  /** Default `'ee'` (GitLab.com runs EE). */
  edition?: Edition
}

const order = (version: string) => GITLAB_VERSIONS.indexOf(version as GitLabVersion)

/** The profile of the chosen GitLab, compiled now; throws UnknownGitLabError naming what exists. */
export function compileGitLab(choice: GitLabChoice = {}): GitLabProfile {
  const wanted = choice.gitlab ?? DEFAULT_GITLAB_VERSION
  const version = wanted === 'latest' ? GITLAB_VERSIONS.at(-1)! : wanted
  const index = order(version)
  if (index < 0)
    throw new UnknownGitLabError(
      `Unknown GitLab version ${JSON.stringify(wanted)}: this mock knows ${GITLAB_VERSIONS[0]} to ${GITLAB_VERSIONS.at(-1)} (${GITLAB_VERSIONS.join(', ')}) or "latest"`,
    )
  const edition = choice.edition ?? 'ee'
  if (!EDITIONS.includes(edition)) throw new UnknownGitLabError(`Unknown GitLab edition ${JSON.stringify(edition)}: use "ee" or "ce"`)
  return compileProfile(version as GitLabVersion, RELEASES.filter((release) => order(release.version) <= index), edition)
}

/** The release files (for documentation: what each release changed, with citations). */
export function releaseHistory(): readonly Release[] {
  return RELEASES
}
