// Packs PNGs into a macOS .icns (each entry: 4-byte type, 4-byte big-endian length, PNG bytes).
// Usage: node resources/make-icns.mjs OUT.icns ic07=128.png ic08=256.png ic09=512.png ic10=1024.png
import { readFileSync, writeFileSync } from 'node:fs';

const [out, ...pairs] = process.argv.slice(2);
const entries = pairs.map((pair) => {
  const [type, file] = pair.split('=');
  const png = readFileSync(file);
  const header = Buffer.alloc(8);
  header.write(type, 0, 'ascii');
  header.writeUInt32BE(png.length + 8, 4);
  return Buffer.concat([header, png]);
});
const body = Buffer.concat(entries);
const head = Buffer.alloc(8);
head.write('icns', 0, 'ascii');
head.writeUInt32BE(body.length + 8, 4);
writeFileSync(out, Buffer.concat([head, body]));
