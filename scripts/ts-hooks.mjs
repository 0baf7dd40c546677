/**
 * Lets Node run this repo's TypeScript directly: the sources import each
 * other with `.js` specifiers (NodeNext style) that name `.ts` files, which
 * Node's own type stripping does not remap. Preload with `--import`.
 */
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../')
      if (relative && specifier.endsWith('.js') && error?.code === 'ERR_MODULE_NOT_FOUND') {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context)
      }
      throw error
    }
  },
})
