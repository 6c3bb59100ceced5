// Where the service keeps its database when no --data DIR is given (relative to the working folder).
// Its own module so the command line can name it without loading the database driver.
export const DEFAULT_DATA_DIR = "var";
