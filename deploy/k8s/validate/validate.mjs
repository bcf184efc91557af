// Validates every object of rendered manifests against the Kubernetes and prometheus-operator JSON schemas
// (npm kubernetes-models, @kubernetes-models/prometheus-operator). A kind without a schema FAILS: nothing is skipped.
// Usage: node validate.mjs RENDERED.yaml...   (deploy/check copies this file next to the installed node_modules)
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";

function schemaModule(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "") return `kubernetes-models/${version}`;
  if (group === "monitoring.coreos.com") return `@kubernetes-models/prometheus-operator/${group}/${version}`;
  return `kubernetes-models/${group}/${version}`;
}

// kustomize wraps long base64 values of generated Secrets at 70 columns; the API server's decoder skips the line
// breaks, the schema's "byte" format does not: validate the value the server decodes.
function unwrapSecretData(doc) {
  if (doc.kind !== "Secret" || !doc.data) return doc;
  const data = Object.fromEntries(Object.entries(doc.data).map(([k, v]) => [k, String(v).replace(/[\r\n]/g, "")]));
  return { ...doc, data };
}

let passed = 0, failed = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(fs.readFileSync(file, "utf8"))) {
    if (!doc) continue;
    const where = `${path.basename(file)}: ${doc.kind}/${doc.metadata?.name}`;
    let Model;
    try {
      Model = (await import(schemaModule(String(doc.apiVersion))))[doc.kind];
    } catch {
      Model = undefined;
    }
    if (!Model) {
      failed++;
      console.log(`FAIL ${where}: no schema for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new Model(unwrapSecretData(doc)).validate();
      passed++;
    } catch (e) {
      failed++;
      console.log(`FAIL ${where}: ${e.message}`);
    }
  }
}
console.log(`schema: ${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
