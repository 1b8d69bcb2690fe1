// GraphQL documents broken at random, for the property tests: characters cut, doubled or put in.
import fc from 'fast-check'

/** One of the documents, with up to four random edits. */
export function brokenDocument(documents: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...documents),
      fc.array(
        fc.tuple(fc.nat(), fc.constantFrom('cut', 'double', 'insert'), fc.string({ maxLength: 3 })),
        { maxLength: 4 },
      ),
    )
    .map(([document, edits]) =>
      edits.reduce((text, [at, edit, inserted]) => {
        const i = text.length === 0 ? 0 : at % text.length
        if (edit === 'cut') return text.slice(0, i) + text.slice(i + 1)
        if (edit === 'double') return text.slice(0, i) + text[i] + text.slice(i)
        return text.slice(0, i) + inserted + text.slice(i)
      }, document),
    )
}
