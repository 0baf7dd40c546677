/** The kit's own version, from package.json (bundled at build time), for `--version` and `/__mock/health`. */
import pkg from '../../package.json' with { type: 'json' }

export const PACKAGE_VERSION: string = pkg.version
