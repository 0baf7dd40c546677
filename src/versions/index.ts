/**
 * The GitLab releases the mock knows, oldest first, and the one call that
 * turns a requested version into a compiled profile. Adding a release is
 * adding its file to `RELEASES`.
 */
import { compileProfile } from './compile.js'
import type { GitLabProfile } from './profile.js'
import { gitlab13_12 } from './releases/13.12.js'
import { gitlab14_3 } from './releases/14.3.js'
import type { Edition, GitLabVersion, Release } from './types.js'

export type { GitLabProfile, IntegrationInfo, EventParam } from './profile.js'
export type * from './types.js'

const RELEASES: readonly Release[] = [gitlab13_12, gitlab14_3]

/** Every version a mock can be created for, oldest first. */
export const GITLAB_VERSIONS: readonly GitLabVersion[] = RELEASES.map((release) => release.version)

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

/** The profile of the chosen GitLab, compiled now; throws UnknownGitLabError naming what exists. */
export function compileGitLab(choice: GitLabChoice = {}): GitLabProfile {
  const wanted = choice.gitlab ?? DEFAULT_GITLAB_VERSION
  const version = wanted === 'latest' ? GITLAB_VERSIONS.at(-1)! : wanted
  const index = GITLAB_VERSIONS.indexOf(version as GitLabVersion)
  if (index < 0)
    throw new UnknownGitLabError(
      `Unknown GitLab version ${JSON.stringify(wanted)}: this mock knows ${GITLAB_VERSIONS.join(', ')} (or "latest")`,
    )
  const edition = choice.edition ?? 'ee'
  if (!EDITIONS.includes(edition))
    throw new UnknownGitLabError(`Unknown GitLab edition ${JSON.stringify(edition)}: use "ee" or "ce"`)
  return compileProfile(RELEASES.slice(0, index + 1), edition)
}
