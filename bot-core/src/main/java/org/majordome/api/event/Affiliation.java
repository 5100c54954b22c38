package org.majordome.api.event;

/** An occupant's long-lived affiliation with a room (XEP-0045 §5.2). */
public enum Affiliation { OUTCAST, NONE, MEMBER, ADMIN, OWNER }
