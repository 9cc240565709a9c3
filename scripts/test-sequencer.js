// Longest files first, so the two CI workers finish together instead of one running the
// slowest file alone at the end. Durations are CI's own (test/support/test-durations.json,
// seconds, refreshed with scripts/record-test-durations.js from a `jest --json` run); the
// machine's jest cache is not used for them: it lives in /tmp, so CI's clean machine has
// none, and a developer's run of one file would reorder everything.
const { relative, resolve } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const recorded = require('../test/support/test-durations.json');

const ROOT = resolve(__dirname, '..');

/** A file CI has not timed yet: what files of its kind take (seconds). */
function estimate(file) {
  if (file.startsWith('test/e2e/')) return 40;
  if (file.startsWith('test/')) return 15;
  return 1;
}

class DurationSequencer extends Sequencer {
  sort(tests) {
    const seconds = (test) => {
      const file = relative(ROOT, test.path).split('\\').join('/');
      return recorded[file] ?? estimate(file);
    };
    return [...tests].sort((a, b) => seconds(b) - seconds(a) || (a.path < b.path ? -1 : 1));
  }
}

module.exports = DurationSequencer;
