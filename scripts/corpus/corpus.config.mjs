// Flat config of the corpus runs (`npm run test:corpus`, `npm run bench`), loaded by every ESLint worker thread.
// CORPUS_MODE picks the rules: none | recommended | strict | all | security (see corpusConfig).
import { corpusConfig } from './lib.mjs';

export default corpusConfig(process.env.CORPUS_MODE ?? 'all');
