// Validates JSON files against a JSON Schema (2020-12) and prints each error as path: message.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: node check.mjs SCHEMA FILE...");
  process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
let failed = false;
for (const file of files) {
  if (validate(JSON.parse(readFileSync(file, "utf8")))) {
    console.log(`${file}: valid`);
    continue;
  }
  failed = true;
  for (const error of validate.errors) {
    console.log(`${file}: ${error.instancePath || "/"} ${error.message}${error.params?.additionalProperty ? ` '${error.params.additionalProperty}'` : ""}`);
  }
}
process.exit(failed ? 1 : 0);
