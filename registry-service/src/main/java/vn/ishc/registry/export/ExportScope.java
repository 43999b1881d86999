package vn.ishc.registry.export;

/**
 * What one export may hold for its caller: the district it is limited to (null: the whole province),
 * and whether names, birth dates, phones and ethnicity are in it.
 */
record ExportScope(String district, boolean personal) {
}
