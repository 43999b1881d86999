package vn.ishc.kit.imports.table;

import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Whether a workbook counts dates from 1904 (old Mac Excel): its serial numbers are then 1462 days
 * smaller, and read as 1900-based they would put every date four years early.
 */
final class WorkbookDateSystem extends DefaultHandler {

    private boolean date1904;

    private WorkbookDateSystem() {
    }

    static boolean is1904(InputStream workbookXml) throws IOException, SAXException, ParserConfigurationException {
        WorkbookDateSystem handler = new WorkbookDateSystem();
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(workbookXml));
        return handler.date1904;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if ("workbookPr".equals(SheetXmlHandler.bareName(localName, qName))) {
            String value = attributes.getValue("date1904");
            date1904 = "1".equals(value) || "true".equals(value);
        }
    }
}
