package vn.hoctap.standards.core;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict JSON reading for tests, by Jackson (it replaced a hand-written parser, issue 17): objects → LinkedHashMap,
 * arrays → List, whole numbers → Long, plus String/Boolean/null; a duplicate key or trailing text is an error.
 */
final class MiniJson {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private MiniJson() {}

    static Object parse(String text) {
        return JSON.readValue(text, Object.class);
    }
}
