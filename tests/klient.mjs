// A client of kooplan serve in Node.js (20+, no packages): it posts a request, fetches the
// published JSON Schemas and validates the answers against them with a small validator for
// the part of JSON Schema 2020-12 the contract's schemas use.
//
//   node tests/klient.mjs BASIS_URL ANFRAGE_DATEI
//
// Prints one JSON object with what it saw; exits 0 when every answer conforms and a tampered
// answer is refused, else 1.
import { readFile } from "node:fs/promises";

function typOk(typ, wert) {
  switch (typ) {
    case "object": return wert !== null && typeof wert === "object" && !Array.isArray(wert);
    case "array": return Array.isArray(wert);
    case "string": return typeof wert === "string";
    case "integer": return Number.isInteger(wert);
    case "number": return typeof wert === "number";
    case "boolean": return typeof wert === "boolean";
    case "null": return wert === null;
    default: throw new Error(`unbekannter Typ ${typ}`);
  }
}

function gleich(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// Every error as "path: reason"; an empty list means the value conforms.
function pruefe(schema, wert, wurzel, pfad = "$") {
  const fehler = [];
  if (schema === true || schema === undefined) return fehler;
  if (schema === false) return [`${pfad}: nichts erlaubt`];
  if (schema.$ref !== undefined) {
    if (!schema.$ref.startsWith("#/")) throw new Error(`Verweis ${schema.$ref}`);
    let ziel = wurzel;
    for (const teil of schema.$ref.slice(2).split("/")) ziel = ziel[teil];
    if (ziel === undefined) throw new Error(`Verweis ins Leere: ${schema.$ref}`);
    fehler.push(...pruefe(ziel, wert, wurzel, pfad));
  }
  if (schema.type !== undefined) {
    const typen = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!typen.some((t) => typOk(t, wert))) return [`${pfad}: Typ ${typen.join("|")} erwartet`];
  }
  if ("const" in schema && !gleich(schema.const, wert)) fehler.push(`${pfad}: const`);
  if (schema.enum !== undefined && !schema.enum.some((e) => gleich(e, wert)))
    fehler.push(`${pfad}: enum`);
  if (typeof wert === "string") {
    if (schema.minLength !== undefined && [...wert].length < schema.minLength)
      fehler.push(`${pfad}: minLength`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(wert))
      fehler.push(`${pfad}: pattern`);
  }
  if (typeof wert === "number") {
    if (schema.minimum !== undefined && wert < schema.minimum) fehler.push(`${pfad}: minimum`);
    if (schema.maximum !== undefined && wert > schema.maximum) fehler.push(`${pfad}: maximum`);
  }
  if (Array.isArray(wert)) {
    if (schema.minItems !== undefined && wert.length < schema.minItems)
      fehler.push(`${pfad}: minItems`);
    if (schema.items !== undefined)
      wert.forEach((w, i) => fehler.push(...pruefe(schema.items, w, wurzel, `${pfad}[${i}]`)));
  }
  if (typOk("object", wert)) {
    for (const name of schema.required ?? [])
      if (!(name in wert)) fehler.push(`${pfad}: ${name} fehlt`);
    for (const [name, w] of Object.entries(wert)) {
      const unter = `${pfad}.${name}`;
      let bekannt = false;
      if (schema.properties && name in schema.properties) {
        bekannt = true;
        fehler.push(...pruefe(schema.properties[name], w, wurzel, unter));
      }
      for (const [muster, s] of Object.entries(schema.patternProperties ?? {}))
        if (new RegExp(muster, "u").test(name)) {
          bekannt = true;
          fehler.push(...pruefe(s, w, wurzel, unter));
        }
      if (!bekannt && schema.additionalProperties !== undefined)
        fehler.push(...pruefe(schema.additionalProperties, w, wurzel, unter));
    }
  }
  if (schema.oneOf !== undefined) {
    const passend = schema.oneOf.filter((s) => pruefe(s, wert, wurzel, pfad).length === 0);
    if (passend.length !== 1) fehler.push(`${pfad}: oneOf (${passend.length} passen)`);
  }
  if (schema.anyOf !== undefined && !schema.anyOf.some((s) => !pruefe(s, wert, wurzel).length))
    fehler.push(`${pfad}: anyOf`);
  if (schema.not !== undefined && pruefe(schema.not, wert, wurzel, pfad).length === 0)
    fehler.push(`${pfad}: not`);
  if (schema.if !== undefined) {
    const dann = pruefe(schema.if, wert, wurzel, pfad).length === 0 ? schema.then : schema.else;
    if (dann !== undefined) fehler.push(...pruefe(dann, wert, wurzel, pfad));
  }
  return fehler;
}

const [basis, datei] = process.argv.slice(2);
const schemas = {};
for (const name of ["entscheidung", "fehler"]) {
  const r = await fetch(`${basis}/v1/schema/${name}`);
  schemas[name] = await r.json();
}
const anfrage = await readFile(datei);
const r = await fetch(`${basis}/v1/entscheidung`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: anfrage,
});
const text = await r.text();
const antwort = JSON.parse(text);
const fehlerhaft = await fetch(`${basis}/v1/entscheidung`, { method: "POST", body: "{}" });
const fehlerobjekt = await fehlerhaft.json();
const manipuliert = { ...antwort, modus: "irgendwie" };
delete manipuliert.gruende;

const ergebnis = {
  status: r.status,
  content_type: r.headers.get("content-type"),
  endet_mit_zeilenumbruch: text.endsWith("\n"),
  fall: antwort.fall,
  modus: antwort.modus,
  fehler_entscheidung: pruefe(schemas.entscheidung, antwort, schemas.entscheidung),
  status_fehler: fehlerhaft.status,
  fehler_fehlerobjekt: pruefe(schemas.fehler, fehlerobjekt, schemas.fehler),
  fehler_manipuliert: pruefe(schemas.entscheidung, manipuliert, schemas.entscheidung),
};
console.log(JSON.stringify(ergebnis));
const ok =
  r.status === 200 &&
  ergebnis.fehler_entscheidung.length === 0 &&
  ergebnis.fehler_fehlerobjekt.length === 0 &&
  ergebnis.fehler_manipuliert.length > 0;
process.exit(ok ? 0 : 1);
