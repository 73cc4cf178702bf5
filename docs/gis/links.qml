<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- QGIS style for the `links` layer of the GeoPackage or GeoJSON that allocate and compare write (docs/OUTPUT.md):
     line width grows with the square root of `flow` (as on the report's maps), colour shows
     `utilisation` with the report's scale: green idle, amber at half, red nearly full, dark crimson
     when binding, grey without a capacity. Load it with Layer Properties → Symbology → Style →
     Load Style. -->
<qgis version="3.28.0" styleCategories="Symbology">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0" frame_rate="10" is_animated="0">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="capstyle" value="round"/>
            <Option type="QString" name="joinstyle" value="round"/>
            <Option type="QString" name="line_color" value="154,165,177,255"/>
            <Option type="QString" name="line_style" value="solid"/>
            <Option type="QString" name="line_width" value="0.3"/>
            <Option type="QString" name="line_width_unit" value="MM"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option type="Map" name="properties">
                <Option type="Map" name="outlineWidth">
                  <Option type="bool" name="active" value="true"/>
                  <Option type="QString" name="expression" value="CASE WHEN coalesce(&quot;flow&quot;, 0) &lt;= 0 THEN 0.25 ELSE 0.5 + 3.5 * sqrt(&quot;flow&quot; / maximum(&quot;flow&quot;)) END"/>
                  <Option type="int" name="type" value="3"/>
                </Option>
                <Option type="Map" name="outlineColor">
                  <Option type="bool" name="active" value="true"/>
                  <Option type="QString" name="expression" value="CASE WHEN &quot;utilisation&quot; IS NULL THEN '#9aa5b1' WHEN &quot;utilisation&quot; &gt;= 0.999999 THEN '#67001f' WHEN &quot;utilisation&quot; &gt;= 0.85 THEN '#e86a24' WHEN &quot;utilisation&quot; &gt;= 0.5 THEN '#f0b224' ELSE '#1a9850' END"/>
                  <Option type="int" name="type" value="3"/>
                </Option>
              </Option>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <layerGeometryType>1</layerGeometryType>
</qgis>
