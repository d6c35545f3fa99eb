import { buildOnce } from '../build-once.ts';

export default function setup(): void {
  buildOnce();
}
