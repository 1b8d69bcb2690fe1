// What every resolver and loader receives besides its parent and arguments: the store. Declared
// once here; the generated resolver and loader types take it from MercuriusContext.
import type { Store } from '../store/index.js'

declare module 'mercurius' {
  interface MercuriusContext {
    store: Store
  }
}

export function contextOf(store: Store) {
  return () => ({ store })
}
