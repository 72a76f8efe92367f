package org.parallax.core.text;

/**
 * One word of a text with its place in it.
 *
 * @param start offset of the first character in the analysed text
 * @param end offset after the last character (exclusive)
 * @param norm the surface form compared for verbatim matches: lower-case, typographic apostrophes made
 *     straight, hyphens dropped ("Non-Interference" and "noninterference" are the same word)
 * @param key the content-word key compared for paraphrases (stem, mapped through the synonym table), or
 *     null for function words and reporting verbs, which say nothing about what a passage is about
 * @param capitalised whether the word starts with a capital letter; names weigh less in paraphrase scores
 */
public record Token(int start, int end, String norm, String key, boolean capitalised) {

    public boolean isContent() {
        return key != null;
    }
}
