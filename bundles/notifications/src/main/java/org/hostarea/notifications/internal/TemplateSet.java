package org.hostarea.notifications.internal;

import java.util.Map;

import com.samskivert.mustache.Template;

/**
 * The compiled templates of one key in one language: subject and text always, HTML optionally.
 * The HTML template escapes every value; subject and text do not (they are not HTML).
 */
record TemplateSet(String key, String language, Template subject, Template text, Template html, long bundleId) {

    RenderedMessage render(Map<String, Object> params) {
        String subjectLine = subject.execute(params).replaceAll("[\\r\\n\\t]+", " ").strip();
        return new RenderedMessage(subjectLine.length() > 998 ? subjectLine.substring(0, 998) : subjectLine,
                text.execute(params), html == null ? null : html.execute(params));
    }
}
