import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = readFileSync(new URL('../fixtures/lint/bad-imports.ts', import.meta.url), 'utf8');

async function restrictedImports(pretendPath: string, code = fixture): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}/${pretendPath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the ESLint import rules of ARCHITECTURE.md', () => {
  it('fail a core module that imports electron and the renderer', async () => {
    const messages = await restrictedImports('src/core/bad-imports.ts');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('src/core may import only shared and node:*');
  });

  it('fail the renderer importing the core or node:fs', async () => {
    const code =
      "import { createCore } from '../core';\nimport { readFileSync } from 'node:fs';\nexport const x = [createCore, readFileSync];\n";
    expect(await restrictedImports('src/renderer/bad.ts', code)).toHaveLength(2);
  });

  it('fail shared importing anything but zod', async () => {
    const code = "import { z } from 'zod';\nimport { join } from 'node:path';\nexport const x = [z, join];\n";
    expect(await restrictedImports('src/shared/bad.ts', code)).toHaveLength(1);
  });

  it('let electron/ import the core', async () => {
    const code = "import { createCore } from '../src/core';\nexport const x = createCore;\n";
    expect(await restrictedImports('electron/fine.ts', code)).toHaveLength(0);
  });
});
