-- Java plugins an operator disabled in the console (see org.majordome.app.PluginPauses): they start as usual but are
-- handed nothing until enabled again, across reloads and restarts.
CREATE TABLE disabled_plugin (
    plugin_id   VARCHAR(200) NOT NULL PRIMARY KEY,
    disabled_by VARCHAR(300) NOT NULL,
    disabled_at TIMESTAMP    NOT NULL
);
