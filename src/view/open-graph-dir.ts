/**
 * Checks the folder `newsgraph view` was pointed at before anything is served, so a mistyped path
 * gives one clear sentence instead of a viewer stuck on "loading graph.json…".
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** A problem the user can fix (wrong folder, viewer not built, port taken): print `message`, exit 1, no stack. */
export class ViewerError extends Error {
  override name = 'ViewerError';
}

/** The files `newsgraph view` serves from a graph folder; graph.json is the only required one. */
export const GRAPH_FILES = ['graph.json', 'graph.gexf', 'documents.json', 'events.csv'] as const;

/**
 * Resolves `dir` to the absolute graph folder. A path to a graph.json file is accepted too (its
 * folder is used). Throws ViewerError when the folder is missing or holds no graph.json.
 */
export function openGraphDir(dir: string): string {
  let abs = resolve(dir);
  if (existsSync(abs) && statSync(abs).isFile() && basename(abs) === 'graph.json') abs = dirname(abs);
  if (!existsSync(abs)) {
    throw new ViewerError(`${dir}: no such folder; build a graph first with \`newsgraph build <articles> -o ${dir}\``);
  }
  if (!statSync(abs).isDirectory()) {
    throw new ViewerError(`${dir}: not a folder; give the folder that holds graph.json (the build's -o folder)`);
  }
  const graphJson = resolve(abs, 'graph.json');
  if (!existsSync(graphJson) || !statSync(graphJson).isFile()) {
    throw new ViewerError(
      `${dir}: no graph.json in this folder; build one with \`newsgraph build <articles> -o ${dir}\` or give the build's -o folder`,
    );
  }
  return abs;
}
