/**
 * Text from a report or a framework, for Markdown the editor renders (hovers, completion details): the characters that
 * open emphasis, code, links, images, HTML or a table cell are escaped, so that the text reads as written. A heading
 * or record row could otherwise render as a link or as an image the editor fetches from anywhere when hovered.
 */
export function markdownText(text: string): string {
  // "&" only where it would start an entity ("&amp;"): "Leadership & management" stays as written for every client
  return text.replace(/[\\`*_[\]<>|~]|&(?=#?\w+;)/g, '\\$&');
}

/** Text for a snippet's literal part: "$", "}" and "\" would otherwise start or end a placeholder. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
