package org.majordome.config;

/** Who may see occupants' real JIDs (muc#roomconfig_whois). */
public enum WhoCanSeeRealJids { MODERATORS, ANYONE }
