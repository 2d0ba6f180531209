package vn.hoctap.indicators.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import tools.jackson.databind.json.JsonMapper;
import vn.hoctap.indicators.IndicatorStatus;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.Targets;

/**
 * Câu trả lời dựng sẵn cho trạng thái chỉ tiêu: the city's status JSON of a data year, the answer most often asked
 * (dashboards, the public page, other systems polling), kept as bytes with its ETag until the indicator values or the
 * targets change (a register change, a stored value, a target set). A client that sends the ETag back in
 * {@code If-None-Match} gets 304 without a body; every other request gets the stored bytes without computing the
 * status again. The key holds the versions of values and targets, so no answer outlives what it was made from; the
 * ETag also holds a number drawn at start, so a restarted platform never confirms a client's copy of another run.
 */
@Component
class StatusAnswers {

    private record Key(int year, long values, long targets) {
    }

    private record Answer(String etag, byte[] body) {
    }

    private static final String RUN = HexFormat.of().formatHex(SecureRandom.getSeed(4));

    private final IndicatorStatus status;
    private final IndicatorValues values;
    private final Targets targets;
    private final JsonMapper json;
    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

    StatusAnswers(IndicatorStatus status, IndicatorValues values, Targets targets, JsonMapper json) {
        this.status = status;
        this.values = values;
        this.targets = targets;
        this.json = json;
    }

    /** The city's status lines of a data year: 304 when the client's copy is current, else the stored bytes. */
    ResponseEntity<byte[]> cityStatus(int year, WebRequest request) {
        // versions read before the values: a change meanwhile gives a newer key next time, never an old answer kept
        Key key = new Key(year, values.version(), targets.version());
        Answer a = answers.get(key);
        if (a == null) {
            // one computation at a time: after a change the requests arriving together (64 dashboards while a writer
            // edits) wait for the one answer instead of each computing the year's status (issue 18)
            synchronized (this) {
                Key now = new Key(year, values.version(), targets.version());
                a = answers.get(now);
                if (a == null) {
                    List<Map<String, Object>> lines = IndicatorApiController.statusLines(status.city(year), year);
                    String etag = "\"st-" + RUN + "-" + year + "-" + now.values() + "-" + now.targets() + "\"";
                    a = new Answer(etag, json.writeValueAsBytes(lines));
                    // only the answers of current versions are kept (one per year asked)
                    answers.keySet().removeIf(k -> k.values() != now.values() || k.targets() != now.targets());
                    answers.put(now, a);
                }
            }
        }
        if (request.checkNotModified(a.etag())) {
            return null;   // Spring answers 304 with the ETag
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
                .header(HttpHeaders.ETAG, a.etag()).body(a.body());
    }
}
