/** Where GraphiQL's files are served, under its page's path. */
export const graphiqlAssetsPath = (pagePath: string): string => `${pagePath}/assets`;

/** The script that starts GraphiQL (a file, not inline: the Content-Security-Policy allows no inline script). */
export const GRAPHIQL_START_SCRIPT = `(function () {
  var endpoint = new URL(document.body.dataset.endpoint, window.location.href).href;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var headers = JSON.stringify({ Authorization: 'Bearer <a token from POST /users/authenticate or the authenticate mutation>' }, null, 2);
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultHeaders: headers, defaultEditorToolsVisibility: 'headers', shouldPersistHeaders: false }),
  );
})();
`;

/** GraphiQL's page: every script and style from this server. */
export const graphiqlPage = (pagePath: string, graphqlPath: string): string => {
  const assets = graphiqlAssetsPath(pagePath);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ChatterRoom GraphiQL</title>
<link rel="stylesheet" href="${assets}/graphiql.min.css">
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body data-endpoint="${graphqlPath}">
<div id="graphiql">Loading GraphiQL...</div>
<script src="${assets}/react.production.min.js"></script>
<script src="${assets}/react-dom.production.min.js"></script>
<script src="${assets}/graphiql.min.js"></script>
<script src="${assets}/start.js"></script>
</body>
</html>
`;
};
