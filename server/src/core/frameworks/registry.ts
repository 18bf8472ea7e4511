import type { FrameworkProfile } from './profile';

/** The frameworks a parse may choose from: the built-in ones plus any a workspace defines. */
export class FrameworkRegistry {
  private readonly byId = new Map<string, FrameworkProfile>();
  private levelNames: Set<string> | undefined;

  constructor(profiles: Iterable<FrameworkProfile>) {
    for (const profile of profiles) this.byId.set(profile.id, profile);
  }

  get(id: string): FrameworkProfile | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  all(): FrameworkProfile[] {
    return [...this.byId.values()];
  }

  /**
   * Whether the line's words, without case, marks or numbers, are a level's label in one of the frameworks: a grade
   * ("Inadequate", "**Performs well (3)**"), whatever the report's framework turns out to be.
   */
  namesALevel(line: string): boolean {
    this.levelNames ??= new Set(this.all().flatMap((profile) => profile.scale.levels.flatMap((level) => [level.label, ...level.aliases, ...level.outdatedLabels].map(wordsOf))));
    return this.levelNames.has(wordsOf(line));
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** A registry with these profiles added; a profile with an existing id replaces it. */
  with(profiles: Iterable<FrameworkProfile>): FrameworkRegistry {
    return new FrameworkRegistry([...this.byId.values(), ...profiles]);
  }
}

function wordsOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}
