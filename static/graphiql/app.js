// Mounts GraphiQL on the /graphiql page. The browser runs this file as it is, with no build step,
// after the React, ReactDOM and GraphiQL bundles have set their globals. The page hands over the
// endpoint and the example tabs in a JSON block, so that no script is inline and the page's
// Content-Security-Policy can allow scripts from this server only.
const { React, ReactDOM, GraphiQL, document } = globalThis

const config = JSON.parse(document.getElementById('graphiql-config').textContent)

forgetOtherExampleVersions(config.storageNamespace)

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
    defaultTabs: config.examples,
    // GraphiQL keeps its tabs in localStorage and, once it holds some, ignores defaultTabs. Its
    // namespace is named after the examples: a visitor keeps their own edits while the examples
    // stay the same, and sees the new ones when they change.
    storage: GraphiQL.createLocalStorage({ namespace: config.storageNamespace }),
    // Some examples take variables: show their editor open.
    defaultEditorToolsVisibility: 'variables',
  }),
)

/** Removes what GraphiQL stored under earlier versions of the examples; it is never shown again. */
function forgetOtherExampleVersions(namespace) {
  const family = namespace.slice(0, namespace.lastIndexOf(':') + 1)
  try {
    const storage = globalThis.localStorage
    const stale = Object.keys(storage).filter(
      (key) => key.startsWith(family) && !key.startsWith(`${namespace}:`),
    )
    for (const key of stale) storage.removeItem(key)
  } catch {
    // Reading localStorage throws where the browser disables it: then nothing was stored.
  }
}
