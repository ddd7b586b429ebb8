// electron-builder.yml checked offline with electron-builder's own schema, and the icons it names.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { getConfig } from 'app-builder-lib/out/util/config/load.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Read the way electron-builder itself reads it.
const loaded = await getConfig<Record<string, unknown>>(
  { packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null },
  `${root}electron-builder.yml`,
);
const config = loaded?.result as Record<string, unknown> & {
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  asarUnpack: string[];
  protocols: { schemes: string[] }[];
  extraResources: { from: string; filter: string[] }[];
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('rejects an unknown key (the schema check is real)', async () => {
    await expect(
      validateConfiguration({ ...config, notAnOption: 1 } as never, new DebugLogger(false)),
    ).rejects.toThrow(/notAnOption/);
  });

  it('builds AppImage + deb, dmg and nsis, and registers cofre://', () => {
    expect(config['appId']).toBe('app.cofre.desktop');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['cofre']);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3-multiple-ciphers/**');
  });

  it('names icons that exist, in the formats each platform wants', () => {
    const icns = readFileSync(`${root}${config.mac.icon}`);
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = readFileSync(`${root}${config.win.icon}`);
    expect(ico.readUInt16LE(2)).toBe(1); // type 1 = icon
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5); // several sizes
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(existsSync(`${root}${config.linux.icon}/${size}x${size}.png`), `${size}`).toBe(true);
    }
    for (const file of config.extraResources[0]!.filter) {
      expect(existsSync(`${root}${config.extraResources[0]!.from}/${file}`), file).toBe(true);
    }
  });
});
