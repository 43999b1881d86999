package vn.ishc.kit.imports.job;

/** ALL writes the file only when every row is valid; VALID writes the valid rows and leaves the others. */
public enum CommitMode {
    ALL, VALID
}
