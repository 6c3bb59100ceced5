// Imported first by the benchmark: React's production build, as bin/leaflets.js runs it. React picks its
// build when it first loads, and ES modules run their imports in order, so this must come before any
// import that reaches React.
process.env.NODE_ENV ??= "production";
