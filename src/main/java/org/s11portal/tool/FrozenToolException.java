package org.s11portal.tool;

/** A change to a published or retired tool version, its standards or questions: refused, nothing is written. */
public class FrozenToolException extends IllegalStateException {

    public FrozenToolException(Tool tool) {
        super("tool version " + tool.version + " is " + tool.status.name().toLowerCase() + " and cannot be changed");
    }
}
