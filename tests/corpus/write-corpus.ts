// Writes the corpus to a folder to look at: node --import tsx tests/corpus/write-corpus.ts [dir]
import { DEFAULT_CORPUS_DIR, generateCorpus } from "./generate-corpus";

void generateCorpus({ dir: process.argv[2] ?? DEFAULT_CORPUS_DIR }).then((files) => console.log(`${files.length} files written`));
