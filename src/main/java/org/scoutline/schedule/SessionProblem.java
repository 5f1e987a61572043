package org.scoutline.schedule;

/**
 * What is wrong with one field of a submitted session.
 *
 * @param field the field, as named in the JSON body
 * @param message what is wrong, in words a coordinator can act on
 */
public record SessionProblem(String field, String message) {

}
