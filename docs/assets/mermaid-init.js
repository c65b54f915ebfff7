// Renders every ```mermaid block of the site with the vendored Mermaid (no network needed).
mermaid.initialize({ startOnLoad: true, securityLevel: "strict" });
