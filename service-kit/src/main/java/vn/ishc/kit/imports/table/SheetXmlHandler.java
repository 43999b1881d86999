package vn.ishc.kit.imports.table;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Walks a sheet's XML row by row and hands each cell to {@link TableRows}; {@link XlsxCells} reads the
 * cells' values. Rows and cells may lack their {@code r} reference (some programs omit it): they then
 * follow the previous one.
 */
final class SheetXmlHandler extends DefaultHandler {

    private final XlsxCells cells;
    private final TableRows rows;

    private int rowNumber;
    private int nextColumn;
    private int column;
    private String type;
    private int style;
    private boolean formula;
    private boolean hasValue;
    private boolean inValue;
    private boolean inInline;
    private boolean inInlineText;
    private boolean inPhonetic;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();

    SheetXmlHandler(XlsxCells cells, TableRows rows) {
        this.cells = cells;
        this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (bareName(localName, qName)) {
            case "row" -> {
                String r = attributes.getValue("r");
                rowNumber = r == null ? rowNumber + 1 : parseNumber(r);
                nextColumn = 0;
                rows.startRow(rowNumber);
            }
            case "c" -> startCell(attributes);
            case "v" -> {
                inValue = true;
                hasValue = true;
            }
            case "f" -> formula = true;
            case "is" -> inInline = true;
            case "t" -> inInlineText = inInline;
            case "rPh" -> inPhonetic = true;
            case "mergeCell" -> refuseMergedHeader(attributes.getValue("ref"));
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (bareName(localName, qName)) {
            case "row" -> rows.endRow();
            case "c" -> rows.cell(column, cells.cell(type, style, hasValue ? value.toString() : null, inline.toString(), formula));
            case "v" -> inValue = false;
            case "is" -> inInline = false;
            case "t" -> inInlineText = false;
            case "rPh" -> inPhonetic = false;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue) {
            value.append(ch, start, length);
            rows.checkCellLength(value.length());
        } else if (inInlineText && !inPhonetic) {
            inline.append(ch, start, length);
            rows.checkCellLength(inline.length());
        }
    }

    private void startCell(Attributes attributes) {
        String reference = attributes.getValue("r");
        column = reference == null ? nextColumn : columnOf(reference);
        nextColumn = column + 1;
        type = attributes.getValue("t") == null ? "n" : attributes.getValue("t");
        String s = attributes.getValue("s");
        style = s == null ? 0 : parseNumber(s);
        formula = false;
        hasValue = false;
        value.setLength(0);
        inline.setLength(0);
    }

    /** Merged cells are listed after the rows; a merged header hides which column a value belongs to. */
    private void refuseMergedHeader(String reference) {
        int header = rows.headerRowNumber();
        if (reference == null || header == 0) {
            return;
        }
        CellRangeAddress range;
        try {
            range = CellRangeAddress.valueOf(reference);
        } catch (RuntimeException e) {
            throw TableFileException.content(e, "imports.file.damaged");
        }
        if (range.getFirstRow() + 1 <= header && header <= range.getLastRow() + 1) {
            throw TableFileException.content("imports.file.mergedHeader", reference);
        }
    }

    private static int columnOf(String reference) {
        int letters = 0;
        while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
            letters++;
        }
        if (letters == 0 || letters > 3) {
            throw TableFileException.content("imports.file.damaged");
        }
        return CellReference.convertColStringToIndex(reference.substring(0, letters));
    }

    private static int parseNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw TableFileException.content(e, "imports.file.damaged");
        }
    }

    /** The element name without a namespace prefix, whether or not the parser is namespace-aware. */
    static String bareName(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        return qName.substring(qName.indexOf(':') + 1);
    }
}
