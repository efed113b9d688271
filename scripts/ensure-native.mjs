// better-sqlite3 is a native module. The tests and browser mode load it in Node; a desktop build
// rebuilds it for Electron's ABI. If the Node build is missing or built for another ABI, rebuild
// it for this Node before testing (an Electron-ABI build would crash Node with a vague error).
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (err) {
  console.log(`better-sqlite3 does not load in Node ${process.version} (${err.message.split('\n')[0]}); rebuilding it for Node…`);
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
