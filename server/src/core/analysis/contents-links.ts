import { titleKey } from '../frameworks/compiled';
import { flattenSections, type ContentsEntry, type Report, type Section } from '../model';
import { rememberLast } from './last-result';

export interface ContentsLinks {
  sectionOf(entry: ContentsEntry): Section | null;
  entryOf(section: Section): ContentsEntry | null;
  /** Entries naming no heading. */
  unmatchedEntries: ContentsEntry[];
  /** Headings a contents page should list but does not. */
  unlistedSections: Section[];
}

/** Headings a contents page lists: everything but subsections of a judgement, action lists and the contents itself. */
function listedHeadings(sections: readonly Section[], out: Section[] = []): Section[] {
  for (const section of sections) {
    if (section.kind === 'actions' || section.kind === 'contents' || section.judgement?.grade?.style === 'sentence') continue;
    out.push(section);
    if (section.kind !== 'judgement') listedHeadings(section.children, out);
  }
  return out;
}

/** Where the part a heading is in starts (-1 outside any part): the part, whichever copy of it the heading holds. */
function partLine(section: Section): number {
  return section.part?.range.start.line ?? -1;
}

/** Pairs contents entries with headings of the same title, in the report's order (a title may appear once per part). */
export const linkContents = rememberLast((report: Report): ContentsLinks => {
  const toSection = new Map<ContentsEntry, Section>();
  const toEntry = new Map<Section, ContentsEntry>();
  const waiting = new Map<string, Section[]>();
  const headings = report.contents?.entries.length ? listedHeadings(report.sections) : [];
  // any heading may answer an entry (contents often list "Areas for improvement"); only the listed ones must have one
  const all = report.contents?.entries.length ? flattenSections(report.sections).filter((section) => section.kind !== 'contents') : [];
  for (const heading of all) {
    const key = titleKey(heading.title);
    const list = waiting.get(key);
    if (list) list.push(heading);
    else waiting.set(key, [heading]);
  }
  const unmatchedEntries: ContentsEntry[] = [];
  // contents follow the report's order: an entry names the next heading of its title after the one listed above it,
  // so that with one "Overall effectiveness" entry deleted, the other still finds the heading in its own part
  let lastLine = -1;
  for (const entry of report.contents?.entries ?? []) {
    const candidates = waiting.get(titleKey(entry.title.text)) ?? [];
    const untaken = candidates.filter((candidate) => !toEntry.has(candidate));
    const section = untaken.find((candidate) => candidate.heading.range.start.line > lastLine) ?? untaken[0];
    if (section) {
      toSection.set(entry, section);
      toEntry.set(section, entry);
      lastLine = section.heading.range.start.line;
    } else unmatchedEntries.push(entry);
  }
  const contentsEnd = report.contents?.range.end.line ?? -1;
  const listedInItsPart = (heading: Section) =>
    (waiting.get(titleKey(heading.title)) ?? []).some((other) => other !== heading && toEntry.has(other) && partLine(other) === partLine(heading));
  const listedLevels = new Set([...toEntry.keys()].map((section) => section.level));
  const links: ContentsLinks = {
    sectionOf: (entry) => toSection.get(entry) ?? null,
    entryOf: (section) => toEntry.get(section) ?? null,
    unmatchedEntries,
    // a contents page lists headings down to some depth, and those after it (not a title page's): only those must be there;
    // a second heading of a title listed for its part is a duplicate (duplicate-section says so), not missing from the list
    unlistedSections: headings.filter(
      (heading) => !toEntry.has(heading) && listedLevels.has(heading.level) && heading.heading.range.start.line > contentsEnd && !listedInItsPart(heading),
    ),
  };
  return links;
});
