import type { FrameworkProfile } from './profile';

/** The frameworks a parse may choose from: the built-in ones plus any a workspace defines. */
export class FrameworkRegistry {
  private readonly byId = new Map<string, FrameworkProfile>();

  constructor(profiles: Iterable<FrameworkProfile>) {
    for (const profile of profiles) this.byId.set(profile.id, profile);
  }

  get(id: string): FrameworkProfile | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  all(): FrameworkProfile[] {
    return [...this.byId.values()];
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** A registry with these profiles added; a profile with an existing id replaces it. */
  with(profiles: Iterable<FrameworkProfile>): FrameworkRegistry {
    return new FrameworkRegistry([...this.byId.values(), ...profiles]);
  }
}
