import { stageWithholds } from '../../../src/lib/document/stage.ts';
import { withheldSpellings } from '../../../src/lib/offer/withhold.ts';
import type { Project } from '../../../src/lib/project-model.ts';
import { withheldDateSpellings } from '../../../src/lib/render/date.ts';
import type { Stage } from '../../../src/lib/schema/document.ts';

/** What a copy of this stage must not contain, in every spelling a reader could find it in. */
export function withheldTerms(project: Project, stage: Stage): string[] {
  // The withheld wording in both editions' languages, and the timetable's dates in both spellings.
  return [
    ...[...project.registry.redactions.values()].flatMap((r) => [
      r.value.text,
      ...(r.value.en ? [r.value.en.text] : []),
    ]),
    ...withheldDateSpellings(project.registry),
    // And every withheld figure (the offer price and all that follows from it), in every spelling.
    ...(stageWithholds(stage) ? withheldSpellings(project.resolver) : []),
  ];
}
