package org.jinlin.query.audit;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * An auditor's printable timeline of one record (a dispute's case file, a household): every event with its time,
 * who did it in which role, what it recorded, and whether its hash verifies. Chinese first; the CJK font is the
 * standard Adobe STSong-Light, which PDF readers provide.
 */
@Component
public class TimelinePdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                                                                   .withZone(ZoneId.of("Asia/Shanghai"));

    public byte[] render(String title, String aggregateId, List<EventStreamReader.StoredEvent> events,
                         ChainVerifier.Report verification, Instant generatedAt, String generatedBy) {
        try {
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font heading = new Font(song, 16, Font.BOLD);
            Font normal = new Font(song, 9);
            Font small = new Font(song, 7);
            Font header = new Font(song, 9, Font.BOLD, Color.WHITE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
            PdfWriter.getInstance(document, out);
            document.addTitle(title + " " + aggregateId);
            document.addCreator("近邻 Jinlin");
            document.open();
            document.add(new Paragraph(title + "  " + aggregateId, heading));
            document.add(new Paragraph("生成时间 Generated: " + TIME.format(generatedAt) + " (北京时间 CST)    "
                                       + "生成人 By: " + generatedBy, normal));
            String chain = verification.intact()
                    ? "哈希链完整 Hash chain intact: " + verification.eventsChecked() + " 个事件 events verified"
                    : "哈希链断裂 Hash chain BROKEN at event " + verification.firstBrokenAt().sequenceNumber() + ": "
                      + verification.firstBrokenAt().problem();
            document.add(new Paragraph(chain, new Font(song, 10, Font.BOLD,
                                                       verification.intact() ? new Color(0, 110, 0) : Color.RED)));
            document.add(new Paragraph(" ", small));

            PdfPTable table = new PdfPTable(new float[]{4, 13, 16, 12, 38, 17});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String column : List.of("序号 #", "时间 Time", "事件 Event", "操作人 Actor", "内容 Recorded facts",
                                         "哈希 Hash")) {
                PdfPCell cell = new PdfPCell(new Phrase(column, header));
                cell.setBackgroundColor(new Color(60, 80, 120));
                table.addCell(cell);
            }
            Map<Long, ChainVerifier.Break> broken = verification.broken().stream()
                    .collect(java.util.stream.Collectors.toMap(ChainVerifier.Break::sequenceNumber, b -> b, (a, b) -> a));
            for (EventStreamReader.StoredEvent event : events) {
                table.addCell(new Phrase(Long.toString(event.sequence()), normal));
                table.addCell(new Phrase(TIME.format(event.occurredAt()), normal));
                table.addCell(new Phrase(EventLabels.label(event.type()), normal));
                table.addCell(new Phrase(event.actor() + (event.role() == null ? "" : "\n" + event.role()), normal));
                table.addCell(new Phrase(abbreviate(event.payload().toString(), 400), small));
                ChainVerifier.Break problem = broken.get(event.sequence());
                PdfPCell hash = new PdfPCell(new Phrase(
                        (problem == null ? "✓ " : "✗ " + problem.problem() + "\n") + event.hash(), small));
                hash.setHorizontalAlignment(Element.ALIGN_LEFT);
                table.addCell(hash);
            }
            document.add(table);
            document.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("could not render the timeline of " + aggregateId, e);
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
