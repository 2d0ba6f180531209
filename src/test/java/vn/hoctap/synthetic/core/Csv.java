package vn.hoctap.synthetic.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Minimal CSV line splitting for the tests (quotes supported, separator ',' or ';'). */
final class Csv {
    private Csv() {
    }

    static String[] split(String line, char sep) {
        if (line.indexOf('"') < 0) {
            List<String> out = new ArrayList<>(24);
            int from = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == sep) {
                    out.add(line.substring(from, i));
                    from = i + 1;
                }
            }
            out.add(line.substring(from));
            return out.toArray(new String[0]);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }

    static Map<String, Integer> header(String line) {
        String[] h = split(line, ',');
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < h.length; i++) {
            m.put(h[i], i);
        }
        return m;
    }
}
