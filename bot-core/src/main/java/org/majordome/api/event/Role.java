package org.majordome.api.event;

/** An occupant's role in a room (XEP-0045 §5.1). */
public enum Role { NONE, VISITOR, PARTICIPANT, MODERATOR }
