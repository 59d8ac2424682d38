/* /docs: Swagger UI over /openapi.json, from the vendored swagger-ui-dist (no CDN, no inline script). */
"use strict";
window.addEventListener("load", function () {
  window.SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis], layout: "BaseLayout"});
});
