// A process that saves a sandbox's state file over and over (as a second `cofre` process on one data dir).
import { SandboxStore } from '../../../src/sandbox/store';

const [dir, times] = process.argv.slice(2);
const store = new SandboxStore('two-writers', dir);
for (let i = 0; i < Number(times); i++) store.flush();
