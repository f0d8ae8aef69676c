package dev.allframe.core.handler;

import dev.allframe.core.TagComponents;
import java.util.List;

/**
 * A {@link dev.allframe.command.DecisionModel decision model} a command handler takes: its state model, and for each
 * tag key it asks for, the command's component that gives the tag's value.
 */
public record BoundaryModel(StateModel state, List<TagComponents.Component> commandTags) {

    public BoundaryModel {
        commandTags = List.copyOf(commandTags);
    }
}
