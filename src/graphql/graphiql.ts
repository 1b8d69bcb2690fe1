// GraphiQL at /graphiql, served wholly by this server: mercurius' own page loads React and
// GraphiQL from a public CDN and stays blank on a network with no internet. The browser bundles
// come from the installed graphiql, react and react-dom packages; static/graphiql/app.js mounts
// the editor with the example queries as its first tabs.
import type { FastifyPluginAsync } from 'fastify'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { projectRoot } from '../paths.js'
import { packageAsset, projectAsset, readOnce } from '../http/assets.js'
import { answerWith } from '../http/fastify-reads.js'
import { EXAMPLE_QUERIES } from './examples.js'

/** Where GraphiQL is served: a browser opening /graphql is sent here too. */
export const GRAPHIQL_PATH = '/graphiql'

export interface GraphiqlOptions {
  /** The GraphQL endpoint the page queries: a path on this server. */
  endpoint: string
}

/**
 * What the page may load and do: everything from this server only. GraphiQL 3 edits with
 * CodeMirror 5 and starts no web worker, so there is no worker-src. Its stylesheet embeds fonts
 * and icons as data: URLs. Its dialogs insert <style> elements at run time, hence 'unsafe-inline'
 * for styles (never for scripts). No upgrade-insecure-requests: an intranet serves plain http,
 * and upgrading the page's requests would leave it blank.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const ASSETS_PREFIX = '/graphiql/assets'

/** The script that mounts the editor; a file of the project, not compiled. */
const APP_SCRIPT = join(projectRoot, 'static', 'graphiql', 'app.js')

/** The packages' files the page loads, each at a URL naming the package's version. */
export function packageAssets() {
  const asset = (name: string, file: string, suffix: string) =>
    packageAsset(ASSETS_PREFIX, name, file, suffix)
  return {
    react: asset('react', 'umd/react.production.min.js', '.production.min.js'),
    reactDom: asset('react-dom', 'umd/react-dom.production.min.js', '.production.min.js'),
    graphiqlScript: asset('graphiql', 'graphiql.min.js', '.min.js'),
    graphiqlStyle: asset('graphiql', 'graphiql.min.css', '.min.css'),
  }
}

/** Inside <script>, "</script>" or "<!--" would end or derail the block: escape every "<". */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

interface PageAssets {
  stylesheet: string
  scripts: string[]
  appScript: string
}

/** The icon is empty and inline, so the browser does not ask for a /favicon.ico there is not. */
function page(config: unknown, assets: PageAssets): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>GraphiQL：规划开放数据 GraphQL 查询界面</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${assets.stylesheet}" />
    <style>
      body { margin: 0; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">正在加载 GraphiQL…</div>
    <noscript>GraphiQL 需要启用 JavaScript。</noscript>
    <script type="application/json" id="graphiql-config">${jsonForScript(config)}</script>
${assets.scripts.map((src) => `    <script src="${src}"></script>`).join('\n')}
    <script type="module" src="${assets.appScript}"></script>
  </body>
</html>
`
}

export const graphiqlRoutes =
  (options: GraphiqlOptions): FastifyPluginAsync =>
  async (app) => {
    const { react, reactDom, graphiqlScript, graphiqlStyle } = packageAssets()
    const appScript = projectAsset(ASSETS_PREFIX, APP_SCRIPT, 'app')

    const tabs = EXAMPLE_QUERIES.map(({ query, variables }) => ({ query, variables }))
    const examplesVersion = createHash('sha256')
      .update(JSON.stringify(tabs))
      .digest('hex')
      .slice(0, 12)
    const html = page(
      {
        endpoint: options.endpoint,
        examples: tabs,
        // app.js forgets what was stored under another version of the examples.
        storageNamespace: `graphiql-examples:${examplesVersion}`,
      },
      {
        stylesheet: graphiqlStyle.url,
        // In this order: each bundle expects the globals of the ones before it.
        scripts: [react.url, reactDom.url, graphiqlScript.url],
        appScript: appScript.url,
      },
    )

    app.get(GRAPHIQL_PATH, { schema: { hide: true } }, async (_request, reply) => {
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', GRAPHIQL_CSP)
        .header('x-content-type-options', 'nosniff')
      return html
    })

    for (const asset of [react, reactDom, graphiqlScript, graphiqlStyle, appScript]) {
      const read = readOnce(asset)
      app.get(asset.url, { schema: { hide: true } }, async (request, reply) =>
        answerWith(request, reply, read()),
      )
    }
  }
