export { scratchThenBuild as default } from '../build-once.ts';
