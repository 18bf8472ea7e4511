/** Why a file could not be read, in words: "permission denied" rather than "EACCES: permission denied, open '…'". */
export function readFailure(error: NodeJS.ErrnoException): string {
  if (error.code === 'ELOOP') return 'its symbolic links lead round in a circle';
  if (error.code === 'ENOENT') return 'it is not there (a symbolic link to nothing, or removed meanwhile)';
  if (error.code === 'EISDIR') return 'it is a folder';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  if (error.code === 'ENXIO') return 'it is a socket, not a file';
  return error.code ?? error.message;
}
