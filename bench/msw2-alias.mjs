/** Preloaded with --import: makes `msw` (and its subpaths) resolve to the msw 2 install (`msw2`). */
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'msw' || specifier.startsWith('msw/')) return next(`msw2${specifier.slice(3)}`, context)
    return next(specifier, context)
  },
})
